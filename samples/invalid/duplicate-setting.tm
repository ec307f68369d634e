// duplicate-setting: the owner is set twice.
model Shop "Shop" {
  owner "Team A"
  owner "Team B"
}
actor User "User"
process Web "Web app"
flow User -> Web "Browse"
