# -*- coding: utf-8 -*-
"""ascp 출력 분류기 테스트 (tests/test_ascp_classifier.py)

주의: 아래 문자열들은 실제 전송 로그가 아니라 테스트용 고정 입력(fixture)입니다.
CI 에서 ascp 를 실행하지 않습니다. 실제 전송은 다음 주에 스테이징 서버에서 돌릴 예정.
"""
import pytest

from pipeline.ascp_classifier import classify

# 실패 사례 모음 (공개 이슈/IBM 문서에서 복사)
CASES = [
    ("ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n", "AUTH"),
    ("ascp: Failed to open TCP connection for SSH, exiting.\n\nSession Stop  (Error: Failed to open TCP connection for SSH)\n", "SSH_PORT"),
    ("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n", "UDP"),
    ("Completed: 0K bytes transferred in 0 seconds\nSession Stop  (Error: Server aborted session: No such file or directory)\n", "NO_SUCH_FILE"),
    ("\r\nSession Stop  (Error: Failure processing peer license: Deprecated peer license)\n", "LICENCE"),
    ("ERR164407.fastq.gz    100%  72MB 37.7Mb/s   01:58\nCompleted: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n", "OK"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_classify(text, expected):
    # 분류 결과가 기대값과 같아야 함
    assert classify(text) == expected


def test_exit_127_is_not_ascp_error():
    # 쉘의 "ascp: not found" (종료코드 127) 는 ascp 오류가 아님
    assert classify("/bin/sh: 1: ascp: not found\n", exit_code=127) == "MISSING"

# TODO(민수): 스테이징에서 실제 ascp 로 E2E 테스트 — 다음 스프린트
