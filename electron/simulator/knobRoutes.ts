// The knobs over HTTP, for tests that drive a simulator in another process (the web host, e2e).
// No auth: the simulator only ever listens on loopback for tests and the demo.
import * as z from 'zod';
import { HarvestHttpError, ok, type Reply, type RequestBody } from './http';
import { chaosSchema, failureSpecSchema } from './knobs';
import type { SimulatorKnobs } from './types';

const offlineSchema = z.object({ offline: z.boolean() });
const latencySchema = z.object({ ms: z.number().int().min(0) });
const rateLimitSchema = z.object({ max: z.number().int().positive(), windowMs: z.number().int().positive() });
const pageSizeSchema = z.object({ size: z.number().int().positive() });
const revokeSchema = z.object({ token: z.string().min(1) });

function parse<T>(schema: z.ZodType<T>, body: RequestBody): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HarvestHttpError(400, { message: z.prettifyError(parsed.error) });
  return parsed.data;
}

export function handleKnobRequest(method: string, pathname: string, body: RequestBody, knobs: SimulatorKnobs): Reply {
  const action = `${method} ${pathname}`;
  switch (action) {
    case 'POST /__sim/fail-next':
      knobs.failNext(parse(failureSpecSchema, body));
      return ok({ ok: true });
    case 'POST /__sim/offline':
      knobs.setOffline(parse(offlineSchema, body).offline);
      return ok({ ok: true });
    case 'POST /__sim/latency':
      knobs.setLatency(parse(latencySchema, body).ms);
      return ok({ ok: true });
    case 'POST /__sim/rate-limit': {
      const { max, windowMs } = parse(rateLimitSchema, body);
      knobs.setRateLimit(max, windowMs);
      return ok({ ok: true });
    }
    case 'POST /__sim/page-size':
      knobs.setPageSize(parse(pageSizeSchema, body).size);
      return ok({ ok: true });
    case 'POST /__sim/revoke-token':
      knobs.revokeToken(parse(revokeSchema, body).token);
      return ok({ ok: true });
    case 'POST /__sim/chaos':
      knobs.setChaos(parse(chaosSchema.nullable(), body));
      return ok({ ok: true });
    case 'GET /__sim/requests':
      return ok({ count: knobs.requestCount() });
    case 'POST /__sim/reset':
      knobs.reset();
      return ok({ ok: true });
    default:
      throw new HarvestHttpError(404, { message: 'Not found' });
  }
}
