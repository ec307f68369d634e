// import-not-found: the imported file does not exist.
import "./does-not-exist.tm"
actor User "User"
process Web "Web app"
flow User -> Web "Browse"
