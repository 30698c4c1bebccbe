import Testing

@Test func StudyTUITestsBuilds() {}
