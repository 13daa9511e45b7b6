print("dcq")
