// unknown-categorisation: an ASVS id without its version prefix, and an ISO/IEC 27001:2013 control id.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse"
threat Sniff "Card number read in transit" {
  on Browse
  stride information-disclosure
  asvs "V12.1.1"
  iso A.10.1
  mitigated-by Tls
}
mitigation Tls "Enforce TLS 1.2 or later" { status done  ticket "SEC-12" }
