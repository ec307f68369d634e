// flow-without-process: data moves between two stores, and an actor writes a store directly.
actor Analyst "Analyst"
process Etl "ETL job"
datastore Orders "Orders DB"
datastore Warehouse "Warehouse"
flow Etl -> Orders "Read orders"
flow Copy: Orders -> Warehouse "Nightly copy"
flow Analyst -> Warehouse "Ad-hoc upload"
