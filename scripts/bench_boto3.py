#!/usr/bin/env python3
"""CPU time per DynamoDB PutItem and GetItem with boto3, for the StudyBench comparison.

Usage: bench_boto3.py ENDPOINT TABLE
Runs as a helper that StudyBench drives in rounds, so that its rounds and StudyBench's own
alternate and whatever load the machine has falls on both alike. After warming up it prints
`ready`; then each line `N` on stdin runs N PutItems and N GetItems and answers one JSON line
{"put_us": ..., "get_us": ...}: CPU time of this process (time.process_time) per request,
the same measure StudyBench takes of its own process. EOF ends it.
"""
import json
import sys
import time

import boto3

endpoint, table = sys.argv[1], sys.argv[2]
client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="testing", aws_secret_access_key="testing")


def item(i):
    # Same shape as the Swift side's bench item.
    return {"id": {"S": f"boto-{i}"}, "roomId": {"S": "room-1"}, "createdAt": {"S": "2025-01-01T00:00:00.000Z"},
            "text": {"S": "x" * 100}, "n": {"N": str(i)}}


for i in range(50):  # warm up: imports, endpoint resolution, first connection
    client.put_item(TableName=table, Item=item(i))
    client.get_item(TableName=table, Key={"id": {"S": f"boto-{i}"}})
print("ready", flush=True)

for line in sys.stdin:
    count = int(line)
    start = time.process_time()
    for i in range(count):
        client.put_item(TableName=table, Item=item(i))
    middle = time.process_time()
    found = 0
    for i in range(count):
        found += "Item" in client.get_item(TableName=table, Key={"id": {"S": f"boto-{i}"}})
    end = time.process_time()
    if found != count:
        sys.exit(f"GetItem found {found} of {count} items")
    print(json.dumps({"put_us": (middle - start) / count * 1e6, "get_us": (end - middle) / count * 1e6}), flush=True)
