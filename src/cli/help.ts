/**
 * Commander, speaking the chosen language: its help headings, usage placeholders, option notes, the built-in
 * help/version options, and its usage errors (mapped by CommanderError code to the cli.usage.* table). The
 * language is known before parsing (from argv), so the program is built in it.
 */
import { stripVTControlCharacters } from 'node:util';
import { Command, Help, Option, type ErrorOptions } from 'commander';
import type { Lang } from '../core/index.js';
import { t, type TextKey, type TextParams } from '../core/text/index.js';
import { displayWidth, LANG_CHOICES, UsageError } from './common.js';

/** "cluster-review rulebook show": the command's path, for the hint to its --help. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Turns one of commander's usage errors into ours. Commander passes its words and a stable code; the values it
 * names (the option, the argument) are the quoted parts of its message.
 */
function usageFromCommander(code: string, message: string, command: string): UsageError {
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(message)?.[1];
  const text = message.replace(/^error:\s*/, '');
  const make = (key: TextKey, params: TextParams) => new UsageError(key, suggestion ? { ...params, suggestion } : params, command);
  switch (code) {
    case 'commander.unknownOption':
      return make('cli.usage.unknown-option', { option: quoted[0] });
    case 'commander.unknownCommand':
      return make('cli.usage.unknown-command', { command: quoted[0] });
    case 'commander.missingArgument':
      return make('cli.usage.missing-argument', { argument: quoted[0] });
    case 'commander.optionMissingArgument':
      return make('cli.usage.option-missing-value', { option: quoted[0] });
    case 'commander.missingMandatoryOptionValue':
      return make('cli.usage.missing-option', { option: quoted[0] });
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\.$/.exec(text)?.[1];
      if (choices) return make('cli.usage.invalid-choice', { option: quoted[0], value: quoted[1], choices: choices.split(', ') });
      return make('cli.usage.invalid-value', { option: quoted[0], value: quoted[1] });
    }
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(text);
      return make('cli.usage.excess-arguments', { command, expected: m?.[1] ?? '?', got: m?.[2] ?? '?' });
    }
    case 'commander.conflictingOption':
      return make('cli.usage.conflicting-options', { text });
    default:
      return make('cli.usage.other', { text });
  }
}

/** A Command whose usage errors are thrown as UsageErrors (so they are said in our words), and so are its subcommands'. */
export class LocalCommand extends Command {
  override createCommand(name?: string): LocalCommand {
    return new LocalCommand(name);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    throw usageFromCommander(errorOptions?.code ?? 'commander.error', message, commandPath(this));
  }
}

/** Commander's "[options]" and "[command]" in a usage line, in `lang`. */
function placeholders(usage: string, lang: Lang): string {
  return usage
    .split(' ')
    .map((w) => (w === '[options]' ? t('cli.help.options-placeholder', lang) : w === '[command]' ? t('cli.help.command-placeholder', lang) : w))
    .join(' ');
}

const TITLES: Record<string, TextKey> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.global-options',
};

/** Help in `lang`: set on the program before its commands are added, which inherit it. */
export function localiseHelp(program: Command, lang: Lang): void {
  program
    .helpOption('-h, --help', t('cli.option.help', lang))
    .helpCommand('help [command]', t('cli.command.help', lang))
    .configureHelp({
      styleTitle: (title) => (TITLES[title] ? t(TITLES[title], lang) : title),
      styleUsage: (usage) => placeholders(usage, lang),
      subcommandTerm(this: Help, cmd: Command) {
        return placeholders(Help.prototype.subcommandTerm.call(this, cmd), lang);
      },
      // Commander counts every character as one column; CJK characters take two.
      displayWidth: (s) => displayWidth(stripVTControlCharacters(s)),
      optionDescription: (option) => {
        const choices = option.argChoices;
        // A repeatable option starts from [] — nothing to show as its default ("（默认：）" said nothing).
        const empty = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
        const value = option.defaultValue !== undefined && !empty && (option.required || option.optional) ? (option.defaultValueDescription ?? String(option.defaultValue)) : undefined;
        if (choices && value !== undefined) return t('cli.help.with-choices-default', lang, { description: option.description, values: choices, value });
        if (choices) return t('cli.help.with-choices', lang, { description: option.description, values: choices });
        if (value !== undefined) return t('cli.help.with-default', lang, { description: option.description, value });
        return option.description;
      },
    });
}

/** `--lang`, offered by the program and every command (its value is read from argv before parsing). */
export const langOption = (lang: Lang): Option => new Option('--lang <zh|en>', t('cli.option.lang', lang)).choices(LANG_CHOICES).default('zh');
