// threat-without-target: the threat is on nothing.
actor User "User"
process Web "Web app"
flow User -> Web "Browse"
threat Xss "Stored XSS" { stride tampering  impact high  likelihood medium }
