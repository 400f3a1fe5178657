/**
 * The command line speaks Chinese by default and English with --lang en: --help of the program and of every
 * command, commander's own usage errors, our usage errors, rulebook problems and rulebook show.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, rb, tempDir } from '../support/files.js';
import { NATIONAL_2022 } from '../support/rulebooks.js';

const COMMANDS = ['template', 'check', 'batch', 'rulebook', 'rulebook validate', 'rulebook show'];
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('--help', () => {
  it('the program’s help is in Chinese by default, English with --lang en; exit 0', async () => {
    const zh = await cli(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/^用法： cluster-review \[选项\] \[命令\]\n/);
    expect(zh.out).toContain('命令：');
    expect(zh.out).toContain('显示帮助');
    expect(zh.out).toContain('退出码：0 成功');
    expect(zh.out).not.toMatch(/Usage:|Options:|display help/);
    const en = await cli(['--lang', 'en', '--help']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^Usage: cluster-review \[options\] \[command\]\n/);
    expect(en.out).toContain('Exit codes: 0 success');
    expect(en.out).not.toMatch(/用法|选项|命令：/);
  });

  it.each(COMMANDS)('%s --help, in each language', async (cmd) => {
    const words = cmd.split(' ');
    const zh = await cli([...words, '--help']);
    expect(zh.code).toBe(0);
    expect(zh.out.startsWith(`用法： cluster-review ${words.join(' ')} [选项]`)).toBe(true);
    expect(zh.out).toContain('写入的工作簿和提示信息所用语言');
    expect(zh.out).not.toMatch(/Usage:|Options:|display help|default:/);
    const en = await cli([...words, '--help', '--lang=en']);
    expect(en.code).toBe(0);
    expect(en.out.startsWith(`Usage: cluster-review ${words.join(' ')} [options]`)).toBe(true);
    expect(en.out).toContain('language of written workbooks and messages');
    expect(en.out).not.toMatch(/用法|选项：/);
  });

  it('option notes (choices, defaults) are in the language too', async () => {
    // Help wraps long lines: compare with whitespace collapsed (a wrap may fall inside a note).
    const flat = async (args: string[]) => (await cli(args)).out.replace(/\s+/g, '');
    expect(await flat(['check', '--help'])).toContain('（可选：zh、en、zh-CN、en-US；默认：zh）');
    expect(await flat(['check', '--help', '--lang', 'en'])).toContain('(choices:zh,en,zh-CN,en-US;default:zh)');
  });

  it('a repeatable option with no default shows none (monitor --roster said "（默认：）")', async () => {
    for (const lang of ['zh', 'en']) {
      const r = await cli(['monitor', '--help', `--lang=${lang}`]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/--roster/);
      expect(r.out).not.toMatch(/（默认：）|\(default: ?\)/);
    }
  });
});

describe('usage errors', () => {
  it("commander's unknown option, in Chinese by default and English with --lang en; exit 2, no stack", async () => {
    const zh = await cli(['check', 'a.xlsx', '--bogus']);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe('错误：未知选项 --bogus\n运行“cluster-review check --help”查看用法。\n');
    const en = await cli(['check', 'a.xlsx', '--bogus', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toBe('error: unknown option --bogus\nRun "cluster-review check --help" for usage.\n');
    expect(en.out + zh.out).toBe('');
  });

  it('a missing argument, a missing required option, a bad choice, a near-miss option, too many arguments', async () => {
    const cases: Array<[string[], string]> = [
      [['check'], '错误：缺少参数 <files>'],
      [['check', '--lang', 'en'], 'error: missing required argument <files>'],
      [['template'], '错误：缺少必需的选项 -o, --output <file.xlsx>'],
      [['check', 'a.xlsx', '--lang', 'fr'], '错误：选项 --lang <zh|en> 的取值“fr”无效，可选：zh、en、zh-CN、en-US'],
      [['check', 'a.xlsx', '--forse'], '错误：未知选项 --forse（是否想输入 --force？）'],
      [['check', 'a.xlsx', '--forse', '--lang', 'en'], 'error: unknown option --forse (did you mean --force?)'],
      [['rulebook', 'validate', 'a.json', 'b.json'], '错误：参数过多：cluster-review rulebook validate 最多接受 1 个参数，收到 2 个'],
      [['template', '-o', 'x.xlsx', '--year', '1999', '--lang', 'en'], 'error: --year must be a year from 2022 to 2100, got "1999"'],
    ];
    for (const [args, words] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0], args.join(' ')).toBe(words);
      noStack(r.err);
    }
  });
});

describe('rulebook validate and show', () => {
  const dir = tempDir();
  const bad = join(dir, 'bad.json');
  const data = JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8'));
  data.checks.find((c: { id: string }) => c.id === '1.8').rule.bound = 70;
  writeFileSync(bad, JSON.stringify(data));
  const title = (lang: 'zh' | 'en') => NATIONAL_2022.checks.find((c) => c.id === '1.8')!.title[lang];

  it('a bad rulebook names the check by id and title, in Chinese and in English; exit 2', async () => {
    const zh = await cli(['rulebook', 'validate', bad]);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain(`规则文件无效：${bad}\n`);
    expect(zh.err).toContain(`检查 1.8（${title('zh')}）的阈值（rule.bound）：占比阈值应为 0 到 1 之间的小数`);
    expect(zh.err).not.toContain('$.checks');
    const en = await cli(['rulebook', 'validate', bad, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain(`rulebook is not valid: ${bad}\n`);
    expect(en.err).toContain(`check 1.8 (${title('en')}), threshold (rule.bound): share bounds are fractions from 0 to 1`);
    noStack(en.err);
  });

  it('show --rulebook FILE works like every other command, and is the same as the positional form', async () => {
    const dir2 = tempDir();
    const prov = JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8'));
    prov.id = 'yn-2023';
    prov.edition = '2023';
    const f = join(dir2, 'yn.json');
    writeFileSync(f, JSON.stringify(prov));
    const r = await cli(['rulebook', 'show', '--rulebook', f]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('id yn-2023 · 版本 2023');
    expect(r.out).toContain('规则校验码 ');
    expect(r.out).not.toContain(rb.fingerprint);
    expect((await cli(['rulebook', 'show', f])).out).toBe(r.out);
    const j = await cli(['rulebook', 'show', '--rulebook', f, '--json']);
    expect(JSON.parse(j.out).id).toBe('yn-2023');
    const bad2 = await cli(['rulebook', 'show', '--rulebook', bad, '--lang', 'en']);
    expect(bad2.code).toBe(2);
    expect(bad2.err).toContain('check 1.8');
    const two = await cli(['rulebook', 'show', f, '--rulebook', 'other.json']);
    expect(two.code).toBe(2);
  });

  it('show speaks English with --lang en', async () => {
    const r = await cli(['rulebook', 'show', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`fingerprint ${rb.fingerprint}`);
    expect(r.out).toMatch(/\n {2}checks \(\d+\):\n/);
    expect(r.out).not.toMatch(/[检规评]/);
  });
});
