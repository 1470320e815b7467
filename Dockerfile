# One image for every process of the distributed mode; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 (embedded mode) compiles from source during npm ci.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npm ci && npm run build && npm prune --omit=dev
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=true
USER node
