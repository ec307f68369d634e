// missing-without-clause: the story says what the shopper wants, not what must not happen.
actor Shopper "Shopper"
process Web "Web app"
flow Browse: Shopper -> Web "Browse" { protocol https }

story Wishlist "As a shopper I want to keep a wishlist" {
  ticket "SHOP-12"
  touches [Web]
}
