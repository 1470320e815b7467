import { answerHelp } from './cli.usage';
import { ConfigError, describeStartupError, exitWithMessage } from '@kesos/infra';
import { deadLettersCommand, UsageError } from './deadletters.command';

const USAGE = `Usage: npm run deadletters -- list|replay [--durable <name>] [--id <event id>]

Lists the events a consumer gave up on, or replays them to their consumer once the cause is fixed
(NATS at NATS_URL). See README "Operations: failed events and dead letters".

Options:
  --durable <name>   only this consumer's dead letters
  --id <event id>    only this event
  --help             this text
`;
answerHelp(USAGE);

/** `npm run deadletters -- list|replay [--durable D] [--id EVENT_ID]`; see deadletters.command. */
deadLettersCommand(process.argv.slice(2), process.env).then(
  (lines) => process.stdout.write(lines.map((l) => `${l}\n`).join('')),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(2);
    }
    exitWithMessage(
      err instanceof ConfigError
        ? err.message
        : `dead letters: ${describeStartupError(err)}; check NATS_URL and that nats-server runs with JetStream`,
    );
  },
);
