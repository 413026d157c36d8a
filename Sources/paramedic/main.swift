print("paramedic")
