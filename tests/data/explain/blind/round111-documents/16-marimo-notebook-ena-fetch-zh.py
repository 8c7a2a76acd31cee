import marimo

__generated_with = "0.8.22"
app = marimo.App(width="medium")


@app.cell
def __(mo):
    mo.md(
        r"""
        # ENA 数据下载记录（ERR164407）
        目的：用 ascp 从 ENA 拉取一个测试 run，确认新服务器的网络配置。
        参考命令（ENA 文档）：`ascp -T -l 300m -P 33001 -i <auth_file_path> era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz <dest_path>`
        """
    )
    return


@app.cell
def __(subprocess):
    # 第一次：手打主机名
    r1 = subprocess.run(
        "ascp -T -l 300m -P 33001 -i ~/.aspera/sdk/aspera_bypass_rsa.pem "
        "era-fasp@fasp.sra.ebi.ac.k:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz /data/ena/",
        shell=True, capture_output=True, text=True)
    print(r1.returncode); print(r1.stdout); print(r1.stderr)
    # --- cell output (saved) ---
    # 1
    #
    # ascp: Cannot resolve target host., exiting.
    return r1,


@app.cell
def __(subprocess):
    # 第二次：主机名改好了，路径是从浏览器里复制的
    r2 = subprocess.run(
        "ascp -T -l 300m -P 33001 -i ~/.aspera/sdk/aspera_bypass_rsa.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407_1.fastq.gz /data/ena/",
        shell=True, capture_output=True, text=True)
    print(r2.returncode); print(r2.stdout); print(r2.stderr)
    # --- cell output (saved) ---
    # 1
    # Completed: 0K bytes transferred in 1 seconds
    #  (0K bits/sec), in 0 files.
    # Session Stop  (Error: Server aborted session: No such file or directory)
    #
    # ascp: Server aborted session: No such file or directory, exiting.
    return r2,


@app.cell
def __(mo):
    mo.md(r"""ERR164407 是单端数据，没有 `_1` 文件。去掉 `_1` 再试。""")
    return


@app.cell
def __(subprocess):
    r3 = subprocess.run(
        "ascp -T -l 300m -P 33001 -i ~/.aspera/sdk/aspera_bypass_rsa.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz /data/ena/",
        shell=True, capture_output=True, text=True)
    print(r3.returncode); print(r3.stdout); print(r3.stderr)
    # --- cell output (saved) ---
    # 0
    # ERR164407.fastq.gz                                             100%   72MB  212Mb/s    00:03
    # Completed: 74523K bytes transferred in 3 seconds
    #  (187411K bits/sec), in 1 file.
    return r3,


@app.cell
def __():
    import marimo as mo
    import subprocess
    return mo, subprocess


if __name__ == "__main__":
    app.run()
