"""
ena_nightly_pull.py -- Airflow DAG that mirrors new ENA runs for the cohort into /lake/raw.

Review notes (2024-06-03):
  * ascp comes from the Transfer SDK install (ascli config transferd install), path below.
  * Use the RSA bypass key shipped with the SDK; ENA no longer accepts the old DSA key
    (ascp then just says "failed to authenticate").
  * -P 33001 is mandatory for fasp.sra.ebi.ac.uk; without it ascp tries TCP 22 and you get
    "Failed to open TCP connection for SSH".
  * If you see "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
    ask NetOps to open outbound UDP 33001.
This DAG has not been enabled yet (is_paused_upon_creation=True); first run scheduled after review.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

ASCP = "/opt/airflow/.aspera/sdk/ascp"
KEY = "/opt/airflow/.aspera/sdk/aspera_bypass_rsa.pem"

default_args = {
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "execution_timeout": timedelta(hours=6),
}

with DAG(
    dag_id="ena_nightly_pull",
    start_date=datetime(2024, 6, 10),
    schedule="30 1 * * *",
    catchup=False,
    is_paused_upon_creation=True,
    default_args=default_args,
    tags=["ena", "aspera"],
) as dag:
    pull = BashOperator(
        task_id="ascp_pull",
        bash_command=(
            f"{ASCP} -T -l 300m -P 33001 -k 1 -i {KEY} "
            "--file-list={{ params.filelist }} --mode=recv --user=era-fasp "
            "--host=fasp.sra.ebi.ac.uk /lake/raw/{{ ds_nodash }}/"
        ),
        params={"filelist": "/opt/airflow/lists/ena_new_runs.txt"},
    )
