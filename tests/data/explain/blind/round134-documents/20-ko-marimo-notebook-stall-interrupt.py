import marimo

__generated_with = "0.8.14"
app = marimo.App(width="medium")


@app.cell
def __(mo):
    mo.md(
        r"""
        # 공공 데이터 내려받기 노트 (KOBIC → 연구실 NAS)

        - 작성: 박지훈, 2024-06-11
        - 목적: KOBIC Aspera 서버에서 프로젝트 K-2291 원시 데이터(약 2.4 TB)를 `/nas/raw/K-2291`로 받기
        - 아래 셀 출력은 실제 실행 결과를 그대로 붙여 둔 것 (marimo는 출력을 저장하지 않아서 주석으로 남김)
        """
    )
    return


@app.cell
def __():
    import subprocess, os, shlex
    os.environ["ASPERA_SCP_PASS"] = open(os.path.expanduser("~/.kobic_pass")).read().strip()
    SRC = "k2291_user@aspera.kobic.example.kr:/outgoing/K-2291/"
    DST = "/nas/raw/K-2291/"
    return DST, SRC, os, shlex, subprocess


@app.cell
def __(DST, SRC, subprocess):
    # 1차 시도: 회선이 10G라서 -l 2g로 걸었음
    r1 = subprocess.run(["ascp", "-P", "33001", "-l", "2g", "-k", "2", "-d", SRC, DST],
                        capture_output=True, text=True)
    print(r1.returncode)
    print(r1.stdout[-1500:])
    # ---- 실행 결과 (2024-06-11 14:02 시작) ----
    # 1
    # K-2291/lane1/K2291_L1_R1.fastq.gz                         100%  148GB 1.21Gb/s    16:41
    # K-2291/lane1/K2291_L1_R2.fastq.gz                          37%   55GB  11.3Mb/s    07:12 ETA
    # Session Stop  (Error: Session data transfer timeout)
    #
    # 두 번째 파일에서 속도가 1.2G → 11M로 떨어지더니 멈춤. NAS 쓰기 대시보드 보니
    # 그 시점에 쓰기 지연이 800ms까지 튐. NAS(SMB 마운트)가 2g를 못 받는 듯.
    return r1,


@app.cell
def __(DST, SRC, subprocess):
    # 2차 시도: -l 400m 으로 낮춤, -k 2 라서 이어받기
    r2 = subprocess.run(["ascp", "-P", "33001", "-l", "400m", "-k", "2", "-d", SRC, DST],
                        capture_output=True, text=True)
    print(r2.returncode, r2.stdout[-800:])
    # ---- 실행 결과 (2024-06-11 15:10 시작) ----
    # 잘 가고 있었는데(약 390Mb/s 유지) 18:00에 NAS 백업 작업이랑 겹친다고 해서
    # 17:52에 셀 중단(Interrupt) 눌렀음.
    #
    # KeyboardInterrupt
    # Traceback (most recent call last):
    #   File "/tmp/marimo_2291/__marimo__cell_Hbol_.py", line 2, in <module>
    #     r2 = subprocess.run(["ascp", "-P", "33001", "-l", "400m", "-k", "2", "-d", SRC, DST],
    #   File "/usr/lib/python3.11/subprocess.py", line 550, in run
    #     stdout, stderr = process.communicate(input, timeout=timeout)
    #   File "/usr/lib/python3.11/subprocess.py", line 1209, in communicate
    #     stdout, stderr = self._communicate(input, endtime, timeout)
    # KeyboardInterrupt
    #
    # 내일 아침에 같은 셀 다시 실행 예정 (-k 2 라서 이어받음).
    return r2,


@app.cell
def __():
    import marimo as mo
    return mo,


if __name__ == "__main__":
    app.run()
