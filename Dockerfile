# One image for every process of the distributed mode; docker-compose.yml picks the command.
# Two stages: the build stage holds the C++ toolchain (better-sqlite3 compiles from source), the
# dev dependencies and the TypeScript sources; the runtime stage holds only the production
# dependencies and the built output, and runs as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# The manifests first, so that a change of source alone reuses the installed dependencies.
COPY package.json package-lock.json ./
COPY infra/package.json infra/
COPY services/training/package.json services/training/
COPY services/budget/package.json services/budget/
COPY services/performance/package.json services/performance/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=true
# Owned by root and not writable by the user the processes run as: the code cannot be changed at run time.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/infra/package.json infra/
COPY --from=build /app/infra/dist infra/dist
COPY --from=build /app/services/training/package.json services/training/
COPY --from=build /app/services/training/dist services/training/dist
COPY --from=build /app/services/budget/package.json services/budget/
COPY --from=build /app/services/budget/dist services/budget/dist
COPY --from=build /app/services/performance/package.json services/performance/
COPY --from=build /app/services/performance/dist services/performance/dist
COPY --from=build /app/gateway/package.json gateway/supergraph.graphql gateway/
COPY --from=build /app/gateway/dist gateway/dist
# The dashboard's browser code (gateway/src/dashboard.route.ts serves it from here).
COPY --from=build /app/gateway/web/dist gateway/web/dist
# The contract's operations, which the explorer offers as ready tabs (gateway/src/explorer.tabs.ts).
COPY --from=build /app/gateway/test/contract gateway/test/contract
COPY --from=build /app/scripts/package.json scripts/
COPY --from=build /app/scripts/dist scripts/dist
USER node
CMD ["node", "gateway/dist/main.js"]
