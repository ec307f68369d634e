// unaddressed-threat: card numbers cross into the DMZ over plain HTTP (rule WEB-TLS-01), and
// nothing in the model adopts, covers or dismisses that threat.
actor Shopper "Online shopper"
boundary Dmz "DMZ" {
  process Web "Checkout web app" { validates-input  logs audit }
}
flow Pay: Shopper -> Web "Submit card" { protocol http }
