import Testing

@Test func DynamoDBTestsBuilds() {}
