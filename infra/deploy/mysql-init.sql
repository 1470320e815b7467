-- One database per service; `npm run migrate` creates them too, this only saves a round trip.
CREATE DATABASE IF NOT EXISTS kesos_training CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kesos_budget CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kesos_performance CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
