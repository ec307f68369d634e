// unmotivated-threat: no story or requirement explains why this threat matters (run with --hints).
actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse" { protocol https }

threat Clickjacking "Checkout framed by a hostile site" {
  on Web  stride tampering  impact medium  likelihood low
  mitigated-by FrameAncestors
}
mitigation FrameAncestors "frame-ancestors 'none' on every page" { status done  ticket "WEB-7" }
