print("StudyCircle")
