// unplanned-mitigation: the story ships in sprint 2026-48, its threat's mitigation is not planned for it.
actor Shopper "Shopper"
process Web "Web app"
flow Browse: Shopper -> Web "Browse" { protocol https }

threat WishlistLeak "Wishlists readable by other shoppers" {
  on Web  stride information-disclosure  impact medium  likelihood medium
  mitigated-by OwnerCheck
}
mitigation OwnerCheck "Check the wishlist's owner on every read" { status planned  ticket "SHOP-13" }

story Wishlist "As a shopper I want to keep a wishlist"
  without "other shoppers seeing what is on it" {
  ticket "SHOP-12"
  sprint "2026-48"
  threats [WishlistLeak]
}
