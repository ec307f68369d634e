// unlinked-without-clause: the WITHOUT clause names a harm, but the story links no threat that
// says how it could happen (WishlistLeak does).
actor Shopper "Shopper"
process Web "Web app"
flow Browse: Shopper -> Web "Browse" { protocol https }

threat WishlistLeak "Wishlists readable by other shoppers" {
  on Web  stride information-disclosure  impact medium  likelihood medium
  mitigated-by OwnerCheck
}
mitigation OwnerCheck "Check the wishlist's owner on every read" { status done  ticket "SHOP-13" }

story Wishlist "As a shopper I want to keep a wishlist"
  without "other shoppers seeing what is on it" {
  ticket "SHOP-12"
  touches [Web]
}
