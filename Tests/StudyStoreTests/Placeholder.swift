import Testing

@Test func StudyStoreTestsBuilds() {}
