#!/usr/bin/env python3
"""SigV4 signatures per CPU second with botocore, for the StudyBench comparison.

Usage: bench_botocore_sign.py COUNT
Signs COUNT DynamoDB GetItem requests (building each AWSRequest, as a client does) and prints
JSON: {"signatures_per_second": ...} measured with time.process_time.
"""
import json
import sys
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

count = int(sys.argv[1])
auth = SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "dynamodb", "us-east-1")
body = b'{"TableName":"ai-study-circle-messages","Key":{"messageId":{"S":"01HZX3K4M5N6P7Q8R9S0T1V2W3"}}}'

for _ in range(200):
    request = AWSRequest(method="POST", url="https://dynamodb.us-east-1.amazonaws.com/", data=body,
                         headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.GetItem"})
    auth.add_auth(request)

start = time.process_time()
for _ in range(count):
    request = AWSRequest(method="POST", url="https://dynamodb.us-east-1.amazonaws.com/", data=body,
                         headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.GetItem"})
    auth.add_auth(request)
elapsed = time.process_time() - start
print(json.dumps({"signatures_per_second": count / elapsed}))
