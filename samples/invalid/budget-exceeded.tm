// budget-exceeded: the team allows no open high-severity threat, and there is one.
model Shop "Web shop" { budget { high 0  medium 2 } }

actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse" { protocol https }

threat AccountTakeover "Account takeover by credential stuffing" {
  on Web  stride spoofing  impact high  likelihood high
  mitigated-by Mfa
}
mitigation Mfa "Offer and encourage MFA" { status in-progress  ticket "SEC-40" }
