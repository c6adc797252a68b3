/** Connection strings of every shape a user may give as the shadow URL, for the redaction tests. */
/** [shape, connection string, the password (as the server would receive it) that must never be printed] */
export const SHAPES: [string, string, string][] = [
  ['port out of range', 'postgres://u:S3cretPW1@127.0.0.1:99999/test', 'S3cretPW1'],
  ['postgresql:// scheme', 'postgresql://u:S3cretPW2@127.0.0.1:1/test', 'S3cretPW2'],
  ['no scheme', 'u:S3cretPW3@127.0.0.1:1/test', 'S3cretPW3'],
  ['raw @ : / in the password', 'postgres://u:S3c@re:t/PW4@127.0.0.1:1/test', 'S3c@re:t/PW4'],
  ['percent-encoded @ : /', 'postgres://u:S3c%40re%3At%2FPW5@127.0.0.1:1/test', 'S3c@re:t/PW5'],
  ['malformed percent escape', 'postgres://u:S3cret%zzPW6@127.0.0.1:1/test', 'S3cret%zzPW6'],
  ['?password=', 'postgres://u@127.0.0.1:1/test?password=S3cretPW7', 'S3cretPW7'],
  ['&sslpassword=', 'postgres://u@127.0.0.1:1/test?sslmode=disable&sslpassword=S3cretPW8', 'S3cretPW8'],
  ['?passfile=', 'postgres://u@127.0.0.1:1/test?passfile=/home/ci/S3cretPW9.pgpass', '/home/ci/S3cretPW9.pgpass'],
  ['key=value DSN', 'host=127.0.0.1 port=1 user=u password=S3cretPW10 dbname=test', 'S3cretPW10'],
  ['key=value DSN, quoted', "host=127.0.0.1 port=1 password='S3cret PW\\'11' dbname=test", "S3cret PW'11"],
  ['empty user', 'postgres://:S3cretPW12@127.0.0.1:1/test', 'S3cretPW12'],
  ['IPv6 host', 'postgres://u:S3cretPW13@[::1]:1/test', 'S3cretPW13'],
  ['broken IPv6 host', 'postgres://u:S3cretPW14@[::1/test', 'S3cretPW14'],
  ['space in the password', 'postgres://u:S3cret PW15@127.0.0.1:1/test', 'S3cret PW15'],
  ['wrong scheme', 'mysql://u:S3cretPW16@127.0.0.1:1/test', 'S3cretPW16'],
  ['percent-encoded %25 and +', 'postgres://u:S3c%25ret+PW17@127.0.0.1:1/test', 'S3c%ret+PW17'],
];
