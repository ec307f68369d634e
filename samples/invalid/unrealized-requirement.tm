// unrealized-requirement: a requirement that no mitigation realises.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse" { protocol https }

requirement OutputEncoding "Encode all output for its context" {
  asvs "v5.0.0-1.2.1"
}
