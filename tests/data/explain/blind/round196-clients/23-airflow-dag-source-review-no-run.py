"""
dags/partner_delivery_aspera.py  -- DRAFT for code review (PR #311), not yet deployed, never executed.

Reviewer notes (Kenji, 2025-06-20):
  * retries=3 with retry_delay=10min is fine for transient errors like
        Session Stop  (Error: Session data transfer timeout)
    but pointless for
        Session Stop  (Error: Server aborted session: No such file or directory)
    -> please parse stdout and raise AirflowFailException for the non-retryable ones.
  * ascli documents `ascli config ascp errors` to print the retry flag per FASP code; use that table.
  * We will do a dry run on staging next Tuesday; results will be added to the PR.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

default_args = {"retries": 3, "retry_delay": timedelta(minutes=10)}

with DAG(
    dag_id="partner_delivery_aspera",
    start_date=datetime(2025, 7, 1),
    schedule="0 3 * * *",
    catchup=False,
    default_args=default_args,
    tags=["aspera", "delivery"],
) as dag:
    push = BashOperator(
        task_id="ascp_push",
        bash_command=(
            "ascp -P 33001 -l 300m -k 2 --mode=send --host={{ var.value.partner_host }} "
            "--user={{ var.value.partner_user }} /data/outbox/{{ ds }} /incoming/"
        ),
        env={"ASPERA_SCP_PASS": "{{ var.value.partner_pass }}"},
    )
