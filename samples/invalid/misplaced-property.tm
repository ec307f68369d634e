// misplaced-property: a process cannot store data; a flow carries it.
data Card "Card number"
actor User "User"
process Web "Web app" { stores [Card] }
flow User -> Web "Pay" { stores [Card] }
