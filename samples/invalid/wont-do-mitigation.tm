// wont-do-mitigation: the threat relies on a mitigation that will not be built.
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse"
threat Flood "Request flood" { on Web  stride denial-of-service  mitigated-by RateLimit }
mitigation RateLimit "Rate limit per client" { status wont-do }
