import Testing

@Test func StudyEngineTestsBuilds() {}
