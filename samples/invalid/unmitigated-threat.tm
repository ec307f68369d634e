// unmitigated-threat: the threat is written down, and then nothing is done about it.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse" { protocol https }

threat StoredXss "Stored cross-site scripting in product reviews" {
  on Web
  stride tampering, elevation-of-privilege
  impact high  likelihood medium
}
