// undetected-threat: a high-severity threat in a full-depth model with no detection event.
model Shop "Web shop" { depth full }

actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse" { protocol https }

threat AccountTakeover "Account takeover by credential stuffing" {
  on Web  stride spoofing  impact high  likelihood high
  mitigated-by Mfa
}
mitigation Mfa "Offer and encourage MFA" { status in-progress  ticket "SEC-40" }
