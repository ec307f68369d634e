// deprecated-cwe: CWE-443 is deprecated; MITRE discourages mapping to CWE-20, a class too abstract to map to.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse"
threat Splitting "HTTP response splitting" {
  on Web
  stride tampering
  cwe 443
  cwe 20
  mitigated-by Encode
}
mitigation Encode "Encode CR and LF in response headers" { status done  ticket "SEC-13" }
