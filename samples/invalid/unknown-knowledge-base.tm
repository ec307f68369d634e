// unknown-knowledge-base: no such built-in knowledge base.
model Shop "Shop" { knowledgebase "moat:nonexistent" }
actor User "User"
process Web "Web app"
flow User -> Web "Browse"
