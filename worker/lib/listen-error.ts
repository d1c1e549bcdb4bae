/** What `npm start` says when it cannot listen: which address, why, and how to pick another port. */
export function listenErrorMessage(err: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host}:${port}`;
  if (err.code === "EADDRINUSE") {
    return [
      `Cannot start: port ${port} on ${host} is already in use (another \`npm start\`, or another program).`,
      `Stop that program, or choose another port with PORT, e.g.  PORT=${port === 65535 ? 8788 : port + 1} npm start`,
      `(PORT=0 picks a free port and prints it.)`,
    ].join("\n");
  }
  if (err.code === "EACCES") {
    return `Cannot start: listening on ${where} is not permitted (ports below 1024 need privileges). Choose another port, e.g.  PORT=8787 npm start`;
  }
  if (err.code === "EADDRNOTAVAIL") {
    return `Cannot start: ${host} is not an address of this machine. Set HOST to one that is (default 127.0.0.1).`;
  }
  return `Cannot start: listening on ${where} failed: ${err.message}`;
}
