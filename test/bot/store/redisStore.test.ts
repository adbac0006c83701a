import { RedisStore } from "../../../bot/store";
import { startRedis } from "../redis";
import { storeContract } from "./contract";

describe("the Redis store (a real redis-server on a loopback port)", function () {
  this.timeout(20000);
  let redis: Awaited<ReturnType<typeof startRedis>>;
  before(async () => {
    redis = await startRedis();
  });
  after(() => redis.stop());
  describe("keeps the store contract", () => {
    storeContract(() => RedisStore.connect(redis.url));
  });
});
