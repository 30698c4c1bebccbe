#!/usr/bin/env python3
"""Signs a few DynamoDB requests with botocore's SigV4Auth at a fixed time and prints JSON.

The Swift test (Tests/DynamoDBTests) reads the cases from this output, signs the same requests
with our SigV4Signer and compares the Authorization headers. Usage: botocore_sign.py
"""
import datetime
import json
import sys

import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

FIXED = datetime.datetime(2024, 3, 9, 18, 45, 7, tzinfo=datetime.timezone.utc)
botocore.auth.get_current_datetime = lambda *args, **kwargs: FIXED.replace(tzinfo=None)

CASES = [
    # name, endpoint, region, operation, body, session token
    ("put-item", "https://dynamodb.us-east-1.amazonaws.com", "us-east-1", "PutItem",
     '{"TableName":"ai-study-circle-users","Item":{"id":{"S":"u1"},"email":{"S":"a@b.c"}}}', None),
    ("get-item-token", "https://dynamodb.eu-west-2.amazonaws.com", "eu-west-2", "GetItem",
     '{"TableName":"t","Key":{"id":{"S":"x"}},"ConsistentRead":true}', "FwoGZXIvYXdzEXAMPLE+token/with=chars"),
    ("query-unicode", "http://127.0.0.1:8000", "us-west-2", "Query",
     '{"TableName":"m","KeyConditionExpression":"#n0 = :v0","ExpressionAttributeNames":{"#n0":"roomId"},'
     '"ExpressionAttributeValues":{":v0":{"S":"caf\u00e9 \u2615 \u5b66"}}}', None),
    ("list-tables-empty", "http://localhost:4566", "ap-southeast-1", "ListTables", "{}", None),
    ("create-table-gov", "https://dynamodb.us-gov-west-1.amazonaws.com", "us-gov-west-1", "CreateTable",
     '{"TableName":"x","BillingMode":"PAY_PER_REQUEST"}', "tok"),
]


def main():
    out = []
    for name, endpoint, region, operation, body, token in CASES:
        creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token)
        request = AWSRequest(method="POST", url=endpoint + "/", data=body.encode("utf-8"), headers={
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": "DynamoDB_20120810." + operation,
        })
        SigV4Auth(creds, "dynamodb", region).add_auth(request)
        out.append({
            "name": name, "endpoint": endpoint, "region": region, "operation": operation, "body": body,
            "sessionToken": token, "epochSeconds": int(FIXED.timestamp()),
            "authorization": request.headers["Authorization"], "amzDate": request.headers["X-Amz-Date"],
        })
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
