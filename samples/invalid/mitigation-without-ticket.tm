// mitigation-without-ticket: nobody can follow this mitigation's delivery.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse" { protocol https }

threat StoredXss "Stored cross-site scripting in product reviews" {
  on Web  stride tampering  impact high  likelihood medium
  mitigated-by Csp
}
mitigation Csp "Strict Content-Security-Policy with nonces" { status planned }
