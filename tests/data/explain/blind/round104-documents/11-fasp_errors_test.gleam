//// test/fasp_errors_test.gleam
import fasp_errors.{
  Auth, Dns, HostKey, NoSuchFile, SshPort, Udp, classify,
}
import gleeunit
import gleeunit/should

pub fn main() {
  gleeunit.main()
}

pub fn udp_test() {
  "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
  |> classify
  |> should.equal(Ok(Udp))
}

pub fn ssh_port_test() {
  "ascp: Failed to open TCP connection for SSH, exiting."
  |> classify
  |> should.equal(Ok(SshPort))
}

pub fn auth_test() {
  "Session Stop  (Error: failed to authenticate)"
  |> classify
  |> should.equal(Ok(Auth))
}

pub fn host_key_test() {
  "Remote host is not who we expected"
  |> classify
  |> should.equal(Ok(HostKey))
}

pub fn dns_test() {
  "ascp: Cannot resolve target host., exiting."
  |> classify
  |> should.equal(Ok(Dns))
}

pub fn no_such_file_test() {
  "Session Stop  (Error: Server aborted session: No such file or directory)"
  |> classify
  |> should.equal(Ok(NoSuchFile))
}
