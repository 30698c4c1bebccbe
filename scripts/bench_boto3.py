#!/usr/bin/env python3
"""CPU time per DynamoDB PutItem and GetItem with boto3, for the StudyBench comparison.

Usage: bench_boto3.py ENDPOINT TABLE COUNT
Prints JSON: {"put_us": ..., "get_us": ...} — CPU time of this process (time.process_time)
per request, the same measure StudyBench takes of its own process.
"""
import json
import sys
import time

import boto3

endpoint, table, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="testing", aws_secret_access_key="testing")


def item(i):
    # Same shape as the Swift side's bench item.
    return {"id": {"S": f"boto-{i}"}, "roomId": {"S": "room-1"}, "createdAt": {"S": "2025-01-01T00:00:00.000Z"},
            "text": {"S": "x" * 100}, "n": {"N": str(i)}}


for i in range(50):  # warm up: imports, endpoint resolution, first connection
    client.put_item(TableName=table, Item=item(i))
    client.get_item(TableName=table, Key={"id": {"S": f"boto-{i}"}})

start = time.process_time()
for i in range(count):
    client.put_item(TableName=table, Item=item(i))
middle = time.process_time()
for i in range(count):
    client.get_item(TableName=table, Key={"id": {"S": f"boto-{i}"}})
end = time.process_time()
print(json.dumps({"put_us": (middle - start) / count * 1e6, "get_us": (end - middle) / count * 1e6}))
