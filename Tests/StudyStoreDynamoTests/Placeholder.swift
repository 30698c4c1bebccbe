import Testing

@Test func StudyStoreDynamoTestsBuilds() {}
