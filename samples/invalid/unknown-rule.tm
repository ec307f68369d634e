// unknown-rule: no knowledge base declares NOPE-01.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse"
threat Sniff "Sniffing" { on Browse  from NOPE-01  stride information-disclosure }
mitigation Tls "TLS" { status done  covers NOPE-02 }
