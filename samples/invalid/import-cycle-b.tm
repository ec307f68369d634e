// import-cycle: b imports a, a imports b.
import "./import-cycle-a.tm"
process Web "Web app"
