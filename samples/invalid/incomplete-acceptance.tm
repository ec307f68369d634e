// incomplete-acceptance: accepted with no expiry and no reason.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse"
threat Scraping "Catalogue scraped" { on Browse  stride information-disclosure  accepted-by "Sam (PO)" }
