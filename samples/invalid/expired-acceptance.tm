// expired-acceptance: the acceptance ran out in 2020.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse"
threat Scraping "Catalogue scraped" {
  on Browse
  stride information-disclosure
  accepted-by "Sam (PO)" until 2020-01-31 because "Public data anyway"
}
