// import-cycle: a imports b, b imports a.
import "./import-cycle-b.tm"
actor User "User"
flow User -> Web "Browse"
