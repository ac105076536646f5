import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './externalUrl';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://harvestapp.com',
    'https://northwind.harvestapp.com/time/week',
    'https://id.getharvest.com/developers',
    'https://getharvest.com/',
    'https://HELP.GetHarvest.com/api-v2',
    'https://harvestapp.com:443/time',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://harvestapp.com',
    'https://harvestapp.com.evil.example',
    'https://evilharvestapp.com',
    'https://notgetharvest.com/',
    'https://user:pass@harvestapp.com/',
    'https://harvestapp.com@evil.example/',
    'https://harvestapp.com:x@evil.example/',
    'https://evil.example\\@harvestapp.com/',
    'https://evil.example\\.harvestapp.com/',
    'https://harvestapp.com%2Eevil.example/',
    'https://xn--harvestpp-9fg.com/',
    'https://harvestapp.com./',
    'http://northwind.harvestapp.com/',
    'http://harvestapp.com:443/',
    'https://harvestapp.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://example.com/?next=https://harvestapp.com',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
